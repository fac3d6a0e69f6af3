module example.com/carts

go 1.24
