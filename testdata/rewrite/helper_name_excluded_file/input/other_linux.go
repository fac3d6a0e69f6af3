package main

func other() int { return 1 }
