module example.com/deref

go 1.24
