module ex

go 1.24
