// Command decode fills structs that hold sync.Map values through the
// fields of what it decodes into.
package main

import (
	"encoding/json"
	"encoding/xml"
	"fmt"
	"sync"
)

type item struct {
	Name string
	m    sync.Map
}

type ref struct {
	Name string
	m    sync.Map
}

type named struct {
	Name string
	m    sync.Map
}

type part struct {
	Name string `xml:"name"`
	m    sync.Map
}

type config struct {
	Items  []item
	Ref    *ref
	ByName map[string]named
}

type doc struct {
	Parts []part `xml:"part"`
}

func main() {
	var cfg config
	if err := json.Unmarshal([]byte(`{"Items":[{"Name":"a"}],"Ref":{"Name":"r"},"ByName":{"n":{"Name":"n"}}}`), &cfg); err != nil {
		panic(err)
	}
	i, r, n := cfg.Items[0], *cfg.Ref, cfg.ByName["n"] // copies
	i.m.Store("k", 1)
	r.m.Store("k", 1)
	n.m.Store("k", 1)
	var d doc
	if err := xml.Unmarshal([]byte(`<doc><part><name>p</name></part></doc>`), &d); err != nil {
		panic(err)
	}
	p := d.Parts[0] // a copy
	p.m.Store("k", 1)
	fmt.Println(i.Name, r.Name, n.Name, p.Name)
}
