# fish completion for goi-table(1)
complete -c goi-table -s a -l assume -d 'Value assumptions may settle glued digits'
complete -c goi-table -s l -l labels -d 'Official Chinese labels in row and col'
complete -c goi-table -l pretty -d 'Each table laid out like the printed form'
complete -c goi-table -s s -l strict -d 'No assumption at all for glued digits'
complete -c goi-table -s N -l no-header -d 'No header line'
complete -c goi-table -l csv -d 'Write CSV instead of TSV'
complete -c goi-table -s h -l help -d 'Print the usage and the options'
complete -c goi-table -s V -l version -d 'Print the versions'
