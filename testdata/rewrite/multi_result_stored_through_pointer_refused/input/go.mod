module example.com/tuplederef

go 1.22
