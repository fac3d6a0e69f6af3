module example.com/iassert

go 1.22
