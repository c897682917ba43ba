#!/usr/bin/env python3
"""Prints the dependency graph between the folders of Swift targets and any cycle in it.

A file in folder A depends on folder B when its code (comments and string literals left out,
string interpolations kept) names a type, or a top-level function or constant, declared at the
top level of a file in B, or calls a member that B adds to a type from outside the targets
(`extension String { var nilIfEmpty … }` used as `.nilIfEmpty`). Subfolders count as their
top folder (Routing/Solver is Routing).

Usage:
    Scripts/folder-deps.py [ROOT[=FOLDER] ...] [--why] [--dot]

Each ROOT is a target's source folder; several are analysed together, listed from the bottom
up: a folder may use the folders of its own target and of the targets listed before it, never
those of a later one. `ROOT=FOLDER` counts the whole target as the one folder FOLDER (a target
that is one stage, such as the store). Without ROOT the library's three targets are analysed:
Sources/TourPlannerDomain, Sources/TourPlannerStore=Store and Sources/TourPlanner (relative to
the repository). `--why` lists, for every edge, the names that make it; `--dot` prints the
graph in Graphviz syntax instead.

Exit status: 0 when the graph has no cycle and no folder uses a later target, 1 otherwise
(each cycle or such use is printed), 2 on a usage error.
"""

from __future__ import annotations

import re
import sys
from collections import defaultdict
from pathlib import Path

DECLARATION = re.compile(
    r"^(?:@[\w.]+(?:\([^)]*\))?\s+)*"
    r"(?:(?:public|package|internal|final|indirect|nonisolated|open)\s+)*"
    r"(struct|enum|class|protocol|actor|typealias|func|let|var)\s+([A-Za-z_]\w*)"
)
PRIVATE = re.compile(r"^(?:@[\w.]+(?:\([^)]*\))?\s+)*(?:\w+\s+)*(private|fileprivate)\s")
EXTENSION = re.compile(
    r"^(?:(?:public|package|internal|fileprivate|private)\s+)?extension\s+([A-Za-z_][\w.]*)"
)
MEMBER = re.compile(
    r"^    (?:@[\w.]+(?:\([^)]*\))?\s+)*"
    r"(?:(?:public|package|internal|static|mutating|nonisolated|final)\s+)*"
    r"(?:func|var|let)\s+([A-Za-z_]\w*)"
)
IDENTIFIER = re.compile(r"[A-Za-z_]\w*")
MEMBER_USE = re.compile(r"\.([A-Za-z_]\w*)")


def strip_comments_and_strings(source: str) -> str:
    """Blanks comments and string-literal text, keeping line breaks and interpolated code."""
    out: list[str] = []
    i, n = 0, len(source)
    # Stack of contexts: "code" or ("string", closing delimiter, raw hashes) with a paren depth
    # for the interpolation currently open inside it.
    stack: list[list] = [["code", 0]]
    while i < n:
        context = stack[-1]
        ch = source[i]
        if context[0] == "code":
            if source.startswith("//", i):
                end = source.find("\n", i)
                i = n if end == -1 else end
                continue
            if source.startswith("/*", i):
                depth, i = 1, i + 2
                while i < n and depth:
                    if source.startswith("/*", i):
                        depth, i = depth + 1, i + 2
                    elif source.startswith("*/", i):
                        depth, i = depth - 1, i + 2
                    else:
                        if source[i] == "\n":
                            out.append("\n")
                        i += 1
                out.append(" ")
                continue
            match = re.match(r'(#*)("""|")', source[i:])
            if match:
                hashes, quote = match.group(1), match.group(2)
                stack.append(["string", quote + hashes, hashes])
                out.append(" ")
                i += len(match.group(0))
                continue
            if ch == "(":
                context[1] += 1
            elif ch == ")":
                if context[1] == 0 and len(stack) > 1:
                    stack.pop()  # end of an interpolation: back inside the string
                    out.append(" ")
                    i += 1
                    continue
                context[1] -= 1
            out.append(ch)
            i += 1
        else:
            closing, hashes = context[1], context[2]
            if source.startswith("\\" + hashes + "(", i):
                stack.append(["code", 0])
                out.append(" ")
                i += len(hashes) + 2
                continue
            if source.startswith("\\" + hashes, i) and not hashes:
                if source.startswith("\n", i + 1):
                    out.append("\n")  # a line continuation in a multi-line string
                i += 2  # an escape such as \" or \\
                continue
            if source.startswith(closing, i):
                stack.pop()
                out.append(" ")
                i += len(closing)
                continue
            out.append("\n" if ch == "\n" else " ")
            i += 1
    return "".join(out)


# The library's targets from the bottom up (ROOT[=FOLDER] relative to the repository).
LIBRARY = ["Sources/TourPlannerDomain", "Sources/TourPlannerStore=Store", "Sources/TourPlanner"]


class Root:
    """A target's source folder, its position from the bottom, and its one folder if it is one."""

    def __init__(self, path: Path, level: int, folder: str | None, several: bool) -> None:
        self.path, self.level, self.folder = path, level, folder
        # Files directly in the folder (the re-exports) are a folder of their own.
        self.loose = f"({path.name})" if several else "(root)"


def folder_of(roots: dict[Path, Root], path: Path) -> str:
    for root_path, root in roots.items():
        if path.is_relative_to(root_path):
            if root.folder:
                return root.folder
            parts = path.relative_to(root_path).parts
            return parts[0] if len(parts) > 1 else root.loose
    raise ValueError(path)


def scan(roots: dict[Path, Root]):
    files = sorted(path for root in roots for path in root.rglob("*.swift"))
    code = {path: strip_comments_and_strings(path.read_text(encoding="utf-8")) for path in files}
    declared: dict[str, set[str]] = defaultdict(set)  # name -> folders
    members: dict[str, set[str]] = defaultdict(set)  # member added to an outside type -> folders
    extended: dict[Path, list[tuple[str, list[str]]]] = {}
    for path, text in code.items():
        folder = folder_of(roots, path)
        blocks: list[tuple[str, list[str]]] = []
        current: tuple[str, list[str]] | None = None
        for line in text.splitlines():
            if line and not line[0].isspace():
                current = None
                extension = EXTENSION.match(line)
                if extension:
                    current = (extension.group(1).split(".")[0], [])
                    blocks.append(current)
                    continue
                declaration = DECLARATION.match(line)
                if declaration and not PRIVATE.match(line):
                    declared[declaration.group(2)].add(folder)
            elif current is not None:
                member = MEMBER.match(line)
                if member and not PRIVATE.match(line.strip() + " "):
                    current[1].append(member.group(1))
        extended[path] = blocks
    for path, blocks in extended.items():
        for extended_type, names in blocks:
            if extended_type in declared:
                continue  # an extension of our own type: naming the type is the dependency
            for name in names:
                members[name].add(folder_of(roots, path))
    edges: dict[str, dict[str, set[str]]] = defaultdict(lambda: defaultdict(set))
    folders = sorted({folder_of(roots, path) for path in files})
    for path, text in code.items():
        folder = folder_of(roots, path)
        for name in set(IDENTIFIER.findall(text)):
            for other in declared.get(name, ()):
                if other != folder:
                    edges[folder][other].add(name)
        for name in set(MEMBER_USE.findall(text)):
            for other in members.get(name, ()):
                if other != folder:
                    edges[folder][other].add("." + name)
    # Files directly in a target's folder (the re-exports) are no folder of their own unless
    # something names what they declare.
    for root in roots.values():
        loose = root.loose
        if loose in folders and not edges.get(loose) and not any(loose in t for t in edges.values()):
            folders.remove(loose)
    return folders, edges


def target_levels(roots: dict[Path, Root], folders: list[str]) -> dict[str, int]:
    """Each folder's target position from the bottom (0 is the first ROOT)."""
    level: dict[str, int] = {}
    for root_path, root in roots.items():
        for path in root_path.rglob("*.swift"):
            level.setdefault(folder_of(roots, path), root.level)
    return {folder: level[folder] for folder in folders}


def upward_uses(roots: dict[Path, Root], folders: list[str], edges) -> list[tuple[str, str]]:
    """The edges from a folder to a folder of a later target (the compiler would refuse them)."""
    level = target_levels(roots, folders)
    return [(a, b) for a in folders for b in sorted(edges.get(a, {})) if level[b] > level[a]]


def find_cycles(folders: list[str], edges) -> list[list[str]]:
    """The strongly connected components of more than one folder (each has a cycle), sorted (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    on_stack: set[str] = set()
    stack: list[str] = []
    components: list[list[str]] = []
    counter = [0]

    def visit(node: str) -> None:
        index[node] = low[node] = counter[0]
        counter[0] += 1
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, {})):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for folder in folders:
        if folder not in index:
            visit(folder)
    return sorted(components)


def shortest_cycle(start: str, inside: set[str], edges) -> list[str]:
    """The shortest path from `start` back to itself inside a strongly connected component."""
    previous: dict[str, str] = {}
    frontier = [start]
    while frontier:
        following = []
        for node in frontier:
            for target in sorted(edges.get(node, {})):
                if target not in inside:
                    continue
                if target == start:
                    path = [node]
                    while path[-1] != start:
                        path.append(previous[path[-1]])
                    return [start] + list(reversed(path[:-1])) + [start] if node != start else [start, start]
                if target not in previous:
                    previous[target] = node
                    following.append(target)
        frontier = following
    return [start]


def cycles_in(component: list[str], edges) -> list[list[str]]:
    """One shortest cycle through each folder of a component, without repeats."""
    inside = set(component)
    found: list[list[str]] = []
    seen: set[frozenset] = set()
    for folder in component:
        path = shortest_cycle(folder, inside, edges)
        key = frozenset(zip(path, path[1:]))
        if key not in seen:
            seen.add(key)
            found.append(path)
    return found


def layers(folders: list[str], edges) -> list[list[str]]:
    """Folders by level: level 0 uses no other folder, level k uses only levels below k."""
    level: dict[str, int] = {}

    def depth(node: str, trail: frozenset) -> int:
        if node in level:
            return level[node]
        if node in trail:
            return 0
        targets = [t for t in edges.get(node, {}) if t != node]
        value = 1 + max((depth(t, trail | {node}) for t in targets), default=-1)
        level[node] = value
        return value

    for folder in folders:
        depth(folder, frozenset())
    result: list[list[str]] = [[] for _ in range(max(level.values(), default=-1) + 1)]
    for folder in folders:
        result[level[folder]].append(folder)
    return result


def main(argv: list[str]) -> int:
    options = [a for a in argv if a.startswith("--")]
    positional = [a for a in argv if not a.startswith("--")]
    unknown = [o for o in options if o not in ("--why", "--dot")]
    if unknown:
        print(__doc__, file=sys.stderr)
        return 2
    repository = Path(__file__).resolve().parent.parent
    specs = positional or [str(repository / spec) for spec in LIBRARY]
    roots: dict[Path, Root] = {}
    for level, spec in enumerate(specs):
        path, _, folder = spec.partition("=")
        root = Path(path)
        if not root.is_dir():
            print(f"error: {root} is not a folder", file=sys.stderr)
            return 2
        roots[root] = Root(root, level, folder or None, len(specs) > 1)
    folders, edges = scan(roots)
    cycles = find_cycles(folders, edges)
    upward = upward_uses(roots, folders, edges)
    if "--dot" in options:
        print("digraph folders {")
        for folder in folders:
            for target in sorted(edges.get(folder, {})):
                print(f'  "{folder}" -> "{target}";')
        print("}")
    else:
        names = [root.path.name + (f" (as {root.folder})" if root.folder else "") for root in roots.values()]
        print(f"Folder dependencies in {', '.join(names)} (A -> B: A uses B):")
        for folder in folders:
            targets = sorted(edges.get(folder, {}))
            print(f"  {folder} -> {', '.join(targets) if targets else '(none)'}")
            if "--why" in options:
                for target in targets:
                    print(f"      {target}: {', '.join(sorted(edges[folder][target]))}")
        if len(roots) > 1:
            level = target_levels(roots, folders)
            print("Targets (from the bottom):")
            for root in roots.values():
                inside = [folder for folder in folders if level[folder] == root.level]
                print(f"  {root.path.name}: {', '.join(inside) if inside else '(none)'}")
        if not cycles:
            print("Levels (0 uses no other folder; each level uses only lower ones):")
            for number, names in enumerate(layers(folders, edges)):
                print(f"  {number}: {', '.join(names)}")
    for a, b in upward:
        print(f"{a} uses {b} of a later target ({', '.join(sorted(edges[a][b])[:4])})", file=sys.stderr)
    if cycles:
        for component in cycles:
            print(f"cycle among {', '.join(component)}:", file=sys.stderr)
            for path in cycles_in(component, edges):
                steps = [f"{a} -> {b} ({', '.join(sorted(edges[a][b])[:4])})" for a, b in zip(path, path[1:])]
                print(f"  {'; '.join(steps)}", file=sys.stderr)
        return 1
    if upward:
        return 1
    print("No cycle.")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
