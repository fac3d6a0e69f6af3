module example.com/genzero

go 1.22
