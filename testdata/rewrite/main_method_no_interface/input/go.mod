module example.com/mainmethod

go 1.22
