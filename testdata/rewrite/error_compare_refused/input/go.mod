module example.com/errcmp

go 1.22
