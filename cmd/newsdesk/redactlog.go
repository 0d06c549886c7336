package main

import (
	"context"
	"log/slog"

	"newsdesk"
)

// redactHandler shows every URL of a log line through the Redactor: the
// message, string values, errors and anything printed with %v. Only the
// fetcher holds the real source URLs; the logs name sources like every
// other output.
type redactHandler struct {
	h   slog.Handler
	red newsdesk.Redactor
}

func redactLogger(log *slog.Logger, red newsdesk.Redactor) *slog.Logger {
	return slog.New(redactHandler{h: log.Handler(), red: red})
}

func (r redactHandler) Enabled(ctx context.Context, l slog.Level) bool { return r.h.Enabled(ctx, l) }

func (r redactHandler) Handle(ctx context.Context, rec slog.Record) error {
	out := slog.NewRecord(rec.Time, rec.Level, r.red.Text(rec.Message), rec.PC)
	rec.Attrs(func(a slog.Attr) bool {
		out.AddAttrs(r.attr(a))
		return true
	})
	return r.h.Handle(ctx, out)
}

func (r redactHandler) WithAttrs(attrs []slog.Attr) slog.Handler {
	red := make([]slog.Attr, len(attrs))
	for i, a := range attrs {
		red[i] = r.attr(a)
	}
	return redactHandler{h: r.h.WithAttrs(red), red: r.red}
}

func (r redactHandler) WithGroup(name string) slog.Handler {
	return redactHandler{h: r.h.WithGroup(name), red: r.red}
}

func (r redactHandler) attr(a slog.Attr) slog.Attr {
	v := a.Value.Resolve()
	switch v.Kind() {
	case slog.KindString:
		return slog.String(a.Key, r.red.Text(v.String()))
	case slog.KindGroup:
		g := v.Group()
		out := make([]any, len(g))
		for i, ga := range g {
			out[i] = r.attr(ga)
		}
		return slog.Group(a.Key, out...)
	case slog.KindAny:
		switch x := v.Any().(type) {
		case nil:
			return a
		case error:
			return slog.String(a.Key, r.red.Text(x.Error()))
		default:
			return slog.String(a.Key, r.red.Text(slog.AnyValue(x).String()))
		}
	}
	return a
}
