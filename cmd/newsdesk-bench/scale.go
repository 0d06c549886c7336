package main

import "context"

func benchScale(ctx context.Context, o options, dir string, t *table) error { return nil }
