module example.com/reslicelen

go 1.22
