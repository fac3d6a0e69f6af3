//go:build ignore

// The syncfix command runs the detector alone, as a standalone checker:
//
//	go run detect/main.go ./...
package main

import (
	"github.com/syncfix/syncfix/detect"
	"golang.org/x/tools/go/analysis/singlechecker"
)

func main() { singlechecker.Main(detect.Analyzer) }
