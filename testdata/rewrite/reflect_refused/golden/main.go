// Command reflects hands a struct with a sync.Map to reflect.
package main

import (
	"fmt"
	"reflect"
	"sync"
)

type cache struct {
	m sync.Map
}

func main() {
	var c cache
	d := c // the copy
	v := reflect.New(reflect.TypeOf(&d).Elem())
	fmt.Println(v.Kind())
}
