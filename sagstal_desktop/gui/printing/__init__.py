"""The memo on screen and on paper: its PDF pages rendered as images (PDFium) and printed."""
