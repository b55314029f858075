# fish completion for goi-clean(1)
complete -c goi-clean -s e -l encoding -x -d 'Input encoding (any iconv name)' -a 'UTF-8 UTF-16 UTF-16LE UTF-16BE GB18030 GBK GB2312 BIG5'
complete -c goi-clean -l invalid -x -d 'Invalid input bytes' -a 'error replace skip'
complete -c goi-clean -s k -l keep -d 'Remove no debris, squeeze no blank lines'
complete -c goi-clean -s v -l verbose -d 'Report every removal on stderr'
complete -c goi-clean -s N -l no-header -d 'No header line'
complete -c goi-clean -l csv -d 'Write CSV instead of TSV'
complete -c goi-clean -s h -l help -d 'Print the usage and the options'
complete -c goi-clean -s V -l version -d 'Print the versions'
