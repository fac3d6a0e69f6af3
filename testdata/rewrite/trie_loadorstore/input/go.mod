module example.com/trie

go 1.22
