# bash completion for lede-search and lede-index (installed once per command
# name; bash-completion loads it on first use).

_lede_search() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    --format) mapfile -t COMPREPLY < <(compgen -W "text json jsonl tsv" -- "$cur"); return ;;
    --color) mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur"); return ;;
    --sort) mapfile -t COMPREPLY < <(compgen -W "relevance newest oldest" -- "$cur"); return ;;
    --db|--batch|--like|--show) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
    -n|--limit|--offset|--source|--publisher|--agency|--since|--until|--remote|--ranking) return ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "--db --remote -n --limit --offset --format --json
      --color --count -l --files-with-matches -0 --null --show --ranking --batch --source
      --publisher --agency --since --until --sort --facets --all-copies --any --explain --like -h --help -V --version" \
      -- "$cur")
  fi
}

_lede_index() {
  local cur prev
  cur=${COMP_WORDS[COMP_CWORD]}
  prev=${COMP_WORDS[COMP_CWORD-1]}
  case $prev in
    --db|--report|--sources) mapfile -t COMPREPLY < <(compgen -f -- "$cur"); return ;;
    --include|--exclude|--field|--publisher|--batch-size|--threads|--writers|--shards|--memory) return ;;
  esac
  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "--db --rebuild --report --plain --include --exclude
      --field --publisher --sources --batch-size --threads --writers --shards --memory -q --quiet --extract
      --explain -h --help -V --version" -- "$cur")
  else
    mapfile -t COMPREPLY < <(compgen -f -- "$cur")
  fi
}

complete -o filenames -F _lede_search lede-search
complete -o filenames -F _lede_index lede-index
