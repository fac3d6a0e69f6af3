package alst

import "testing"

func TestDB(t *testing.T) {
	var d DB
	d.Put("a", 1)
	d.Put("b", 2)
	if d.N() != 2 || d.Deep() != 2 || d.S() != 2 {
		t.Fatalf("counts %d %d %d", d.N(), d.Deep(), d.S())
	}
	d.Reset()
	d.ResetAll()
	t.Log("ok")
}
