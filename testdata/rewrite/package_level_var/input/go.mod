module example.com/pkgvar

go 1.22
