module example.com/genassert

go 1.22
