package ignore

import "sync"

func directives(m sync.Map) { // want `parameter m of directives passes sync.Map by value`
	a := m //syncfix:ignore the copy is a snapshot taken on purpose
	//syncfix:ignore tests compare with a frozen copy
	b := m
	c := m /* want `syncfix:ignore needs a reason` `assignment copies sync.Map value m to c` */ //syncfix:ignore
	//syncfix:ignoreX is not a directive
	d := m // want `assignment copies sync.Map value m to d`
	_, _, _, _ = &a, &b, &c, &d
}
