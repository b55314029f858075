# fish completion for goi-sum(1)
complete -c goi-sum -s g -l group -x -d 'Group by these keys' -a 'doc year format table row col title organ period period_from period_to published signed sections'
complete -c goi-sum -s o -l ops -x -d 'Also write these statistics' -a 'sum mean min max count'
complete -c goi-sum -l harmonize -d 'Sum what the 2019 and 2021 formats share'
complete -c goi-sum -l pretty -d 'Lay the sums out like the printed form'
complete -c goi-sum -s N -l no-header -d 'No header line'
complete -c goi-sum -l csv -d 'Write CSV instead of TSV'
complete -c goi-sum -s h -l help -d 'Print the usage and the options'
complete -c goi-sum -s V -l version -d 'Print the versions'
