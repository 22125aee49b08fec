using System;
using System.Collections.Generic;
using System.Text;
using EopTools.Parsing;
using EopTools.Ranges;

namespace EopTools.Headers
{
    /// <summary>
    /// Reads one unfolded Received: value (RFC 5321 section 4.4 and what real servers write): the from, by, via, with, id
    /// and for clauses, the connecting address from the TCP-info comment in every common form ("(host [1.2.3.4])",
    /// "(1.2.3.4)", "[IPv6:2a01:...]", "(EHLO x) (1.2.3.4)", "([1.2.3.4] helo=x)", "(user@[1.2.3.4])", with or
    /// without a port), and the time after the last ';'. One pass to cut the value into tokens, one over the tokens.
    /// </summary>
    internal static class ReceivedParser
    {
        private enum Clause
        {
            None,
            From,
            By,
            Via,
            With,
            Id,
            For,
        }

        private enum TokenKind
        {
            Word,
            Comment,
            Semicolon,
        }

        private readonly struct Token
        {
            public Token(TokenKind kind, int start, int end)
            {
                Kind = kind;
                Start = start;
                End = end;
            }

            public TokenKind Kind { get; }

            /// <summary>For a comment, the text inside the outer parentheses.</summary>
            public int Start { get; }

            public int End { get; }
        }

        public static ReceivedFields Parse(string value)
        {
            var fields = new ReceivedFields();
            var tokens = new List<Token>();
            string? problem = Tokenize(value, tokens);
            int lastSemicolon = -1;
            for (int i = 0; i < tokens.Count; i++)
            {
                if (tokens[i].Kind == TokenKind.Semicolon) lastSemicolon = i;
            }

            Clause clause = Clause.None;
            int fromComments = 0;
            StringBuilder? via = null, with = null;
            int end = lastSemicolon < 0 ? tokens.Count : lastSemicolon;
            for (int i = 0; i < end; i++)
            {
                Token token = tokens[i];
                if (token.Kind == TokenKind.Semicolon) continue;
                if (token.Kind == TokenKind.Comment)
                {
                    if (clause == Clause.From && fields.By == null) problem ??= ReadTcpInfo(value, token, fields, fromComments++ == 0);
                    continue;
                }
                Clause keyword = KeywordOf(value, token);
                if (keyword != Clause.None)
                {
                    clause = keyword;
                    continue;
                }
                string word = value.Substring(token.Start, token.End - token.Start);
                switch (clause)
                {
                    case Clause.From:
                        fields.From ??= word;
                        break;
                    case Clause.By:
                        fields.By ??= word;
                        break;
                    case Clause.Via:
                        Append(ref via, word);
                        break;
                    case Clause.With:
                        Append(ref with, word);
                        break;
                    case Clause.Id:
                        fields.Id ??= word;
                        break;
                    case Clause.For:
                        fields.For ??= Unbracket(word);
                        break;
                }
            }

            fields.Via = via?.ToString();
            fields.With = with?.ToString();

            // "from [192.0.2.1]" or qmail-scanner's "from 192.0.2.1": the name is the address when no comment gave one.
            if (fields.Address == null && fields.From != null &&
                (fields.From.StartsWith("[", StringComparison.Ordinal) ? TryLiteral(fields.From, out IpAddressValue fromAddress, out int port) : TryAddress(fields.From, 0, fields.From.Length, out fromAddress, out port)))
            {
                fields.Address = fromAddress;
                fields.AddressText = fields.From;
                fields.Port = port;
            }

            if (lastSemicolon < 0)
            {
                problem ??= "no ';' before a date";
            }
            else
            {
                int dateStart = tokens[lastSemicolon].End;
                if (!MailDate.TryParse(value, dateStart, value.Length, out DateTime time, out string? dateError))
                {
                    problem ??= "the date '" + value.Substring(dateStart).Trim() + "' cannot be read: " + dateError;
                }
                else
                {
                    fields.Time = time;
                }
            }
            if (fields.From == null && fields.By == null) problem ??= "no 'from' or 'by' clause";
            fields.Problem = problem;
            return fields;
        }

        /// <summary>Cuts the value into words, comments and semicolons; returns what was unbalanced, if anything.</summary>
        private static string? Tokenize(string value, List<Token> tokens)
        {
            int i = 0;
            while (i < value.Length)
            {
                char c = value[i];
                if (c == ' ' || c == '\t' || c == '\r' || c == '\n')
                {
                    i++;
                    continue;
                }
                if (c == ';')
                {
                    tokens.Add(new Token(TokenKind.Semicolon, i, i + 1));
                    i++;
                    continue;
                }
                if (c == '(')
                {
                    int depth = 1, j = i + 1;
                    while (j < value.Length && depth > 0)
                    {
                        char d = value[j];
                        if (d == '\\') j++;
                        else if (d == '(') depth++;
                        else if (d == ')') depth--;
                        j++;
                    }
                    if (depth > 0)
                    {
                        // The rest is the comment: a date written after an unclosed comment is not a date.
                        tokens.Add(new Token(TokenKind.Comment, i + 1, value.Length));
                        return "a comment opened at character " + (i + 1) + " is not closed";
                    }
                    tokens.Add(new Token(TokenKind.Comment, i + 1, j - 1));
                    i = j;
                    continue;
                }
                int start = i;
                while (i < value.Length)
                {
                    c = value[i];
                    if (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '(' || c == ';') break;
                    char close = c == '[' ? ']' : c == '<' ? '>' : c == '"' ? '"' : '\0';
                    if (close != '\0')
                    {
                        int closing = value.IndexOf(close, i + 1);
                        if (closing < 0)
                        {
                            tokens.Add(new Token(TokenKind.Word, start, value.Length));
                            return "'" + c + "' at character " + (i + 1) + " is not closed";
                        }
                        i = closing;
                    }
                    i++;
                }
                tokens.Add(new Token(TokenKind.Word, start, i));
            }
            return null;
        }

        private static Clause KeywordOf(string value, Token token)
        {
            int length = token.End - token.Start;
            if (length < 2 || length > 4) return Clause.None;
            string word = value.Substring(token.Start, length).ToLowerInvariant();
            switch (word)
            {
                case "from": return Clause.From;
                case "by": return Clause.By;
                case "via": return Clause.Via;
                case "with": return Clause.With;
                case "id": return Clause.Id;
                case "for": return Clause.For;
                default: return Clause.None;
            }
        }

        /// <summary>
        /// Reads a comment of the from clause: the address (the first one found in any of them), the HELO it names, and
        /// in the first comment the reverse DNS name. Returns a problem when an address literal is not an address.
        /// </summary>
        private static string? ReadTcpInfo(string value, Token comment, ReceivedFields fields, bool first)
        {
            int i = comment.Start;
            bool heloNext = false;
            while (i < comment.End)
            {
                char c = value[i];
                if (c == ' ' || c == '\t' || c == ',' || c == '(' || c == ')' || c == '\r' || c == '\n')
                {
                    i++;
                    continue;
                }
                int start = i;
                while (i < comment.End && !(value[i] == ' ' || value[i] == '\t' || value[i] == ',' || value[i] == '(' || value[i] == ')' || value[i] == '\r' || value[i] == '\n')) i++;
                int end = i;
                if (heloNext)
                {
                    fields.Helo ??= value.Substring(start, end - start);
                    heloNext = false;
                    continue;
                }
                int length = end - start;
                if (length == 4 && (string.Compare(value, start, "helo", 0, 4, StringComparison.OrdinalIgnoreCase) == 0 ||
                                    string.Compare(value, start, "ehlo", 0, 4, StringComparison.OrdinalIgnoreCase) == 0))
                {
                    heloNext = true;
                    continue;
                }
                if (length > 5 && string.Compare(value, start, "helo=", 0, 5, StringComparison.OrdinalIgnoreCase) == 0)
                {
                    fields.Helo ??= value.Substring(start + 5, length - 5);
                    continue;
                }
                int open = value.IndexOf('[', start, length);
                if (open >= 0)
                {
                    int close = value.IndexOf(']', open, end - open);
                    if (close < 0) return "the address literal '" + value.Substring(open, end - open) + "' is not closed";
                    int literalEnd = close + 1;
                    // A port after the literal: "[192.0.2.1]:25".
                    if (literalEnd < end && value[literalEnd] == ':') literalEnd = end;
                    if (fields.Address != null) continue;
                    string literal = value.Substring(open, literalEnd - open);
                    if (!TryLiteral(literal, out IpAddressValue address, out int port)) return "the address literal '" + literal + "' is not an address";
                    fields.Address = address;
                    fields.AddressText = literal;
                    fields.Port = port;
                    continue;
                }
                if (TryAddress(value, start, end, out IpAddressValue bare, out int barePort))
                {
                    if (fields.Address == null)
                    {
                        fields.Address = bare;
                        fields.AddressText = value.Substring(start, length);
                        fields.Port = barePort;
                    }
                    continue;
                }
                if (first && fields.FromHost == null && LooksLikeHostName(value, start, end)) fields.FromHost = value.Substring(start, length);
            }
            return null;
        }

        /// <summary>An address literal: "[192.0.2.1]", "[IPv6:2001:db8::1]", "[2001:db8::1]", with or without ":port" after it.</summary>
        private static bool TryLiteral(string literal, out IpAddressValue address, out int port)
        {
            string parsed = literal.StartsWith("[IPv6:", StringComparison.OrdinalIgnoreCase) ? "[" + literal.Substring(6) : literal;
            int close = parsed.IndexOf(']');
            // AddressInput keeps brackets for IPv6 only: an IPv4 literal is read without them.
            if (close > 1 && parsed.IndexOf(':', 1, close - 1) < 0) parsed = parsed.Substring(1, close - 1) + parsed.Substring(close + 1);
            return TryAddress(parsed, 0, parsed.Length, out address, out port);
        }

        private static bool TryAddress(string text, int start, int end, out IpAddressValue address, out int port)
        {
            // Strict: AddressInput refuses short, octal and hex forms, prefixes and trailing text.
            return AddressInput.TryParse(text, start, end, out address, out port, out _);
        }

        private static bool LooksLikeHostName(string value, int start, int end)
        {
            for (int i = start; i < end; i++)
            {
                char c = value[i];
                if (!(char.IsLetterOrDigit(c) || c == '.' || c == '-' || c == '_')) return false;
            }
            return true;
        }

        /// <summary>Words of a clause of several ("Microsoft SMTP Server", "Frontend Transport"), joined by one space.</summary>
        private static void Append(ref StringBuilder? words, string word)
        {
            if (words == null) words = new StringBuilder(word);
            else words.Append(' ').Append(word);
        }

        private static string Unbracket(string word) =>
            word.Length >= 2 && word[0] == '<' && word[word.Length - 1] == '>' ? word.Substring(1, word.Length - 2) : word;
    }
}
