package al.antitrafficking.portal;

/** The JSON body of every error answer: a plain message, never a stack trace. */
public record ApiError(int status, String error) {}
