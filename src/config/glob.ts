/**
 * Gitignore-like globs for `ignore[].path` and `protected-paths`: `**` spans folders, `*` and `?` stay
 * within one path segment, a pattern without `/` matches a file name at any depth.
 */
export function globToRegExp(glob: string): RegExp {
  let g = glob.replace(/^\.\//, "");
  const anyDepth = !g.includes("/");
  if (g.endsWith("/")) g += "**";
  let re = "";
  for (let i = 0; i < g.length; i++) {
    const ch = g[i]!;
    if (ch === "*") {
      if (g[i + 1] === "*") {
        const slash = g[i + 2] === "/";
        re += slash ? "(?:.*/)?" : ".*";
        i += slash ? 2 : 1;
      } else re += "[^/]*";
    } else if (ch === "?") re += "[^/]";
    else re += ch.replace(/[.+^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${anyDepth ? "(?:.*/)?" : ""}${re}$`);
}

export function matchesGlob(path: string, glob: string): boolean {
  return globToRegExp(glob).test(path);
}
