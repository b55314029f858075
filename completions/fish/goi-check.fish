# fish completion for goi-check(1)
complete -c goi-check -s a -l all -d 'Also print the rules that pass'
complete -c goi-check -s r -l rules -x -d 'Only these rules (ids or groups)' -a 'requests.balance requests.results requests.applicants requests.org_subtotal requests.integers appeals.total appeals.integers art20.counts art20.change art20.amounts art20.published stats.numbers stats.cumulative stats.channels stats.replies stats.refusals stats.staff stats.outcomes stats.subset text.new text.carried_in text.answered text.carried_out text.review text.suit text.active doc.period doc.deadline doc.parts doc.problems doc.tables cross.carried cross.in_force cross.prev_items appeals art20 cross doc requests stats text'
complete -c goi-check -l list -d 'Print the rules: id, severity, description'
complete -c goi-check -s N -l no-header -d 'No header line'
complete -c goi-check -l csv -d 'Write CSV instead of TSV'
complete -c goi-check -s h -l help -d 'Print the usage and the options'
complete -c goi-check -s V -l version -d 'Print the versions'
