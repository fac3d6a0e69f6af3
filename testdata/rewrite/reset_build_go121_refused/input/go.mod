module example.com/buildtag

go 1.26
