module example.com/arraybeside

go 1.22
