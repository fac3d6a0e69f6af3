package main

import (
	"bytes"
	"os"
	"unicode/utf8"
)

// A textPos is a position in a file's text: a 1-based line, a 1-based
// column counted in bytes, and the 0-based byte offset.
type textPos struct {
	Line, Col, Offset int
}

// posAt returns the position of the byte offset off in text. The end of
// a text that ends with a newline is column 1 of the line after the last.
func posAt(text []byte, off int) textPos {
	before := text[:off]
	start := bytes.LastIndexByte(before, '\n') + 1
	return textPos{Line: bytes.Count(before, []byte{'\n'}) + 1, Col: off - start + 1, Offset: off}
}

// utf16Col converts the byte column col of the 1-based line of text to a
// column counted in UTF-16 code units, as SARIF wants it. Bytes that are
// not UTF-8 count one unit each. Positions beyond the text are kept.
func utf16Col(text []byte, line, col int) int {
	for ; line > 1; line-- {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			return col
		}
		text = text[i+1:]
	}
	if end := bytes.IndexByte(text, '\n'); end >= 0 {
		text = text[:end+1]
	}
	if col-1 > len(text) {
		return col
	}
	units := 0
	for b := text[:col-1]; len(b) > 0; {
		r, size := utf8.DecodeRune(b)
		units++
		if r >= 0x10000 {
			units++ // a surrogate pair
		}
		b = b[size:]
	}
	return units + 1
}

// sources holds the text of the files that a report's positions point
// into: the old text of changed files (which fix has overwritten by the
// time the report is printed) and, read on demand, the others.
type sources struct {
	text map[string][]byte
}

func newSources() *sources { return &sources{text: make(map[string][]byte)} }

// add records the text of name as it was when syncfix read it.
func (s *sources) add(name string, text []byte) { s.text[name] = text }

// get returns the text of name, or nil if it cannot be read.
func (s *sources) get(name string) []byte {
	text, ok := s.text[name]
	if !ok {
		text, _ = os.ReadFile(name)
		s.text[name] = text
	}
	return text
}
