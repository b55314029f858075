# fish completion for goi-split(1)
complete -c goi-split -s s -l sections -x -d 'Only these sections' -a 'front overview active requests appeals problems other end'
complete -c goi-split -s i -l index -d 'Write the index stream, one row a document'
complete -c goi-split -s o -l output-dir -x -a '(__fish_complete_directories)' -d 'Write each document as a text file in DIR'
complete -c goi-split -s f -l force -d 'Let -o overwrite existing files'
complete -c goi-split -s N -l no-header -d 'No header line'
complete -c goi-split -l csv -d 'Write CSV instead of TSV'
complete -c goi-split -s h -l help -d 'Print the usage and the options'
complete -c goi-split -s V -l version -d 'Print the versions'
