# The traceback's last line uses the exception's __str__.
# expect: HttpError: 404 Not Found (GET /missing)
class HttpError(Exception):
    def __init__(self, status, reason, request):
        super().__init__(status, reason)
        self.status, self.reason, self.request = status, reason, request
    def __str__(self):
        return f"{self.status} {self.reason} ({self.request})"
e = HttpError(500, "Server Error", "POST /x")
print(e, e.args)
raise HttpError(404, "Not Found", "GET /missing")
