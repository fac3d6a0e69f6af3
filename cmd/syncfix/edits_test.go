package main

import "testing"

func TestPosAt(t *testing.T) {
	text := []byte("ab\ncé\n")
	for _, tc := range []struct {
		off  int
		want textPos
	}{
		{0, textPos{1, 1, 0}},
		{2, textPos{1, 3, 2}},
		{3, textPos{2, 1, 3}},
		{6, textPos{2, 4, 6}},
		{7, textPos{3, 1, 7}}, // the end, after the last newline
	} {
		if got := posAt(text, tc.off); got != tc.want {
			t.Errorf("posAt(%d) = %+v, want %+v", tc.off, got, tc.want)
		}
	}
}

func TestUTF16Col(t *testing.T) {
	text := []byte("x\n\té😀 m\n")
	for _, tc := range []struct {
		line, col, want int
	}{
		{1, 1, 1},
		{1, 2, 2},
		{2, 1, 1},
		{2, 2, 2},  // after the tab
		{2, 4, 3},  // after é, two bytes, one unit
		{2, 8, 5},  // after 😀, four bytes, two units
		{2, 10, 7}, // m's end
		{3, 1, 1},  // the line after the last newline
		{9, 4, 4},  // beyond the text: kept
	} {
		if got := utf16Col(text, tc.line, tc.col); got != tc.want {
			t.Errorf("utf16Col(%d:%d) = %d, want %d", tc.line, tc.col, got, tc.want)
		}
	}
	if got := utf16Col(nil, 3, 7); got != 7 {
		t.Errorf("utf16Col of an unreadable file = %d, want the byte column 7", got)
	}
}

func TestSARIFEscape(t *testing.T) {
	if got, want := sarifEscape("copies [2]sync.Map value ms[0]"), `copies \[2\]sync.Map value ms\[0\]`; got != want {
		t.Errorf("sarifEscape = %s, want %s", got, want)
	}
}
