#!/usr/bin/env python3
"""Encode UTF-8 text from stdin as GB18030 (what Excel writes on a Chinese Windows) into argv[1]."""
import sys

text = sys.stdin.buffer.read().decode('utf-8')
open(sys.argv[1], 'wb').write(text.encode('gb18030'))
