module example.com/vardecl

go 1.22
