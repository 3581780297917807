# Sourced by the bench scripts: checks out a commit beside the working tree to build and run it.
# usage: checkout_commit COMMIT DIR   (the caller removes it: git worktree remove --force DIR)
checkout_commit() {
  local commit=$1 dir=$2
  git worktree add --detach "$dir" "$commit" >/dev/null 2>&1
  # A copy, not a link: removing the worktree would empty a linked folder. The build installs it if absent.
  if [ -d node_modules ]; then cp -r node_modules "$dir/node_modules"; fi
}
