"""Markup Compatibility (ECMA-376 Part 3) applied to a part as an Office reader applies it.

A reader that understands only the transitional namespaces sees a part this way:

- elements and attributes of a namespace listed in ``mc:Ignorable`` that it does not
  understand (``w14``, ``p14``, ``a14``...) are dropped with their content, or, when the element
  is named in ``mc:ProcessContent``, the element goes and its children stay;
- an ``mc:AlternateContent`` becomes the content of its first ``mc:Choice`` whose ``Requires``
  namespaces are all understood, else of its ``mc:Fallback``, else nothing;
- an ``mc:MustUnderstand`` naming a namespace it does not understand is an error, as is a
  prefix in any of these attributes that is not declared;
- the ``mc:`` attributes themselves go.

What is left is what the schemas must accept. Elements of a namespace that is neither
understood nor ignorable are left in place, so the schema check reports them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from lxml import etree

from .names import MC, XML

_IGNORABLE = f"{{{MC}}}Ignorable"
_PROCESS_CONTENT = f"{{{MC}}}ProcessContent"
_MUST_UNDERSTAND = f"{{{MC}}}MustUnderstand"
_ALTERNATE = f"{{{MC}}}AlternateContent"
_CHOICE = f"{{{MC}}}Choice"
_FALLBACK = f"{{{MC}}}Fallback"
_MC_PREFIX = f"{{{MC}}}"
_MC_ELEMENTS = etree.XPath("//mc:*", namespaces={"mc": MC})
_MC_ATTRIBUTES = etree.XPath("//@mc:*", namespaces={"mc": MC})


@dataclass(frozen=True)
class _Scope:
    """What the ``mc:`` attributes of an element and its ancestors declare for its subtree."""

    ignorable: frozenset[str] = frozenset()
    process_content: frozenset[tuple[str, str]] = frozenset()  # (namespace, local name or "*")


def namespace_of(tag: str) -> str:
    """The namespace URI of a Clark-notation tag or attribute name ("" when it has none)."""
    return tag[1 : tag.index("}")] if tag.startswith("{") else ""


@dataclass
class Compat:
    """Rewrites parsed parts in place into what a reader that understands ``understood`` sees."""

    understood: frozenset[str]
    problems: list[tuple[int, str]] = field(default_factory=list)  # (line, message with the element's path)
    dropped: int = 0  # elements and attributes dropped or unwrapped

    def __post_init__(self) -> None:
        self.understood = self.understood | {MC, XML}

    def process(self, root: etree._Element) -> None:
        """Apply Markup Compatibility to the tree under ``root`` (the root element itself is kept)."""
        if _MC_ELEMENTS(root):
            self._element(root, _Scope())
            return
        owners = [attribute.getparent() for attribute in _MC_ATTRIBUTES(root)]
        if not owners:
            return  # most parts: no Markup Compatibility at all
        on_root = {key for key in root.attrib if key.startswith(_MC_PREFIX)}
        if all(owner is root for owner in owners) and on_root == {_IGNORABLE}:
            self._only_ignorable_on_root(root)
        else:
            self._element(root, _Scope())

    def _only_ignorable_on_root(self, root: etree._Element) -> None:
        """The common case, done with XPath (ten times faster than the walk): drop what is ignorable."""
        scope = self._scope(root, _Scope())
        del root.attrib[_IGNORABLE]
        for uri in scope.ignorable - self.understood:
            for el in root.xpath("//x:*", namespaces={"x": uri}):
                if el is not root and next(el.iterancestors(f"{{{uri}}}*"), None) is None:
                    self.dropped += 1
                    _replace_with_children(el, None)
            for attribute in root.xpath("//@x:*", namespaces={"x": uri}):
                del attribute.getparent().attrib[attribute.attrname]
                self.dropped += 1

    def _problem(self, el: etree._Element, message: str) -> None:
        self.problems.append((el.sourceline or 0, f"[mc] {message} (at {el.getroottree().getpath(el)})"))

    def _namespace(self, el: etree._Element, prefix: str, attribute: str) -> str | None:
        uri: str | None = el.nsmap.get(prefix)
        if uri is None:
            self._problem(el, f"mc:{attribute} names prefix '{prefix}', which is not declared")
        return uri

    def _scope(self, el: etree._Element, outer: _Scope) -> _Scope:
        """``outer`` with what ``el``'s own ``mc:`` attributes add; reports what cannot be honoured."""
        ignorable, process = outer.ignorable, outer.process_content
        for prefix in (el.get(_IGNORABLE) or "").split():
            uri = self._namespace(el, prefix, "Ignorable")
            if uri:
                ignorable = ignorable | {uri}
        for qname in (el.get(_PROCESS_CONTENT) or "").split():
            prefix, _, local = qname.rpartition(":")
            uri = self._namespace(el, prefix, "ProcessContent") if prefix else None
            if not prefix:
                self._problem(el, f"mc:ProcessContent entry '{qname}' is not a qualified name")
            elif uri:
                process = process | {(uri, local)}
        for prefix in (el.get(_MUST_UNDERSTAND) or "").split():
            uri = self._namespace(el, prefix, "MustUnderstand")
            if uri and uri not in self.understood:
                self._problem(el, f"mc:MustUnderstand requires {uri}, which the transitional schemas do not cover")
        return _Scope(ignorable, process)

    def _element(self, el: etree._Element, outer: _Scope) -> None:
        """Keep ``el``; strip its ``mc:`` and ignorable attributes, then process its children."""
        scope = self._scope(el, outer) if any(k.startswith(_MC_PREFIX) for k in el.attrib) else outer
        for key in list(el.attrib):  # a copy: attributes are deleted while looping
            uri = namespace_of(key)
            if uri == MC:
                del el.attrib[key]
            elif uri in scope.ignorable and uri not in self.understood:
                del el.attrib[key]
                self.dropped += 1
        for child in list(el):
            self._child(child, scope)

    def _child(self, el: etree._Element, scope: _Scope) -> None:
        if not isinstance(el.tag, str):  # comments and processing instructions stay as they are
            return
        uri = namespace_of(el.tag)
        if el.tag == _ALTERNATE:
            inner = self._scope(el, scope)
            chosen = self._choose(el)
            if chosen is not None:
                inner = self._scope(chosen, inner)
            for moved in _replace_with_children(el, chosen):
                self._child(moved, inner)
        elif uri in scope.ignorable and uri not in self.understood:
            self.dropped += 1
            local = el.tag.rpartition("}")[2]
            if (uri, local) in scope.process_content or (uri, "*") in scope.process_content:
                inner = self._scope(el, scope)
                for moved in _replace_with_children(el, el):
                    self._child(moved, inner)
            else:
                _replace_with_children(el, None)
        else:
            self._element(el, scope)

    def _choose(self, alternate: etree._Element) -> etree._Element | None:
        """The ``mc:Choice`` or ``mc:Fallback`` a reader of ``understood`` takes, or None."""
        fallback = None
        for branch in alternate:
            if not isinstance(branch.tag, str):
                continue
            if branch.tag == _CHOICE:
                requires = branch.get("Requires")
                if requires is None:
                    self._problem(branch, "mc:Choice without a Requires attribute")
                    continue
                needed = [self._namespace(branch, p, "Choice/@Requires") for p in requires.split()]
                if all(uri and uri in self.understood for uri in needed):
                    return branch
            elif branch.tag == _FALLBACK:
                fallback = branch
            else:
                self._problem(branch, f"unexpected {branch.tag} inside mc:AlternateContent")
        return fallback


def _replace_with_children(el: etree._Element, container: etree._Element | None) -> list[etree._Element]:
    """Put the children of ``container`` (none when None) where ``el`` stands; the moved children.

    Text is kept: ``container``'s leading text and ``el``'s tail join the text around them.
    """
    parent = el.getparent()
    assert parent is not None, "the root element is never replaced"
    index = parent.index(el)
    moved = list(container) if container is not None else []
    before = container.text if container is not None else None
    after = el.tail
    parent.remove(el)
    for offset, child in enumerate(moved):
        parent.insert(index + offset, child)
    _append_text(parent, index - 1, before)
    if moved:
        last = moved[-1]
        last.tail = ((last.tail or "") + (after or "")) or None
    else:
        _append_text(parent, index - 1, after)
    return moved


def _append_text(parent: etree._Element, previous: int, text: str | None) -> None:
    """Add ``text`` after child number ``previous`` of ``parent`` (-1: at the start)."""
    if not text:
        return
    if previous < 0:
        parent.text = (parent.text or "") + text
    else:
        sibling = parent[previous]
        sibling.tail = (sibling.tail or "") + text
