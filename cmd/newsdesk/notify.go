package main

import (
	"net"
	"os"
)

// sdNotify tells systemd (Type=notify) about the service's state: "READY=1",
// "RELOADING=1", "STOPPING=1". Without $NOTIFY_SOCKET it does nothing.
func sdNotify(state string) error {
	path := os.Getenv("NOTIFY_SOCKET")
	if path == "" {
		return nil
	}
	if path[0] == '@' {
		path = "\x00" + path[1:] // abstract socket
	}
	conn, err := net.DialUnix("unixgram", nil, &net.UnixAddr{Name: path, Net: "unixgram"})
	if err != nil {
		return err
	}
	defer conn.Close()
	_, err = conn.Write([]byte(state))
	return err
}
