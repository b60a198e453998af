"""Replaces the text between `<!-- NAME:begin -->` and `<!-- NAME:end -->` of a Markdown
file, as markdown_section.h does for the C++ benchmarks."""
import pathlib


def replace_section(file, name, text):
    """Returns False (and writes nothing) when the file lacks the section's markers."""
    path = pathlib.Path(file)
    document = path.read_text()
    begin, end = f"<!-- {name}:begin -->\n", f"<!-- {name}:end -->"
    if begin not in document or end not in document:
        return False
    head, rest = document.split(begin, 1)
    path.write_text(head + begin + text + end + rest.split(end, 1)[1])
    return True
