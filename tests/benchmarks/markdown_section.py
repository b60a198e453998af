"""Replaces the text between `<!-- NAME:begin -->` and `<!-- NAME:end -->` of a Markdown
file, as markdown_section.h does for the C++ benchmarks."""
import pathlib


def markers(name):
    return f"<!-- {name}:begin -->\n", f"<!-- {name}:end -->"


def has_section(file, name):
    """Whether replace_section() would find the section: both markers, begin before end."""
    document = pathlib.Path(file).read_text()
    begin, end = markers(name)
    return begin in document and end in document.split(begin, 1)[1]


def replace_section(file, name, text):
    """Returns False (and writes nothing) when the file lacks the section's markers."""
    path = pathlib.Path(file)
    if not has_section(path, name):
        return False
    document = path.read_text()
    begin, end = markers(name)
    head, rest = document.split(begin, 1)
    path.write_text(head + begin + text + end + rest.split(end, 1)[1])
    return True
