// Command gen calls generated code.
package main

func main() {
	generated()
}
