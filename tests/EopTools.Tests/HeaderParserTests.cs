using System;
using System.Linq;
using EopTools.Headers;
using EopTools.Ranges;
using Xunit;

namespace EopTools.Tests
{
    /// <summary>The header readers on their own: dates, Received: clauses and TCP-info forms, unfolding, encoded words, stamps.</summary>
    public class HeaderParserTests
    {
        [Theory]
        [InlineData("Tue, 1 Jul 2025 08:14:07 +0000", "2025-07-01T08:14:07")]
        [InlineData("Mon,  1 Apr 2024 13:16:07 +0200 (CEST)", "2024-04-01T11:16:07")]
        [InlineData("1 Apr 2024 13:16 +0200", "2024-04-01T11:16:00")]
        [InlineData("Wed, 26 Jan 2022 04:06:48 -0500 (EST)", "2022-01-26T09:06:48")]
        [InlineData("22 Aug 2016 09:22:13 -0000", "2016-08-22T09:22:13")]
        [InlineData("Thu, 29 Apr 99 23:34:45 EST", "1999-04-30T04:34:45")]
        [InlineData("Thu, 29 Apr 15 23:34:45 GMT", "2015-04-29T23:34:45")]
        [InlineData("Thu, 29 Apr 115 23:34:45 UT", "2015-04-29T23:34:45")]
        [InlineData("Wed, 18 Jul 2018 12:12:22 -0700 (PDT)", "2018-07-18T19:12:22")]
        [InlineData("Mon Apr  1 11:16:06 2024", "2024-04-01T11:16:06")]
        [InlineData("26 Jan 2022 09:06:51.8695 (UTC)", "2022-01-26T09:06:51")]
        [InlineData("Tue, 1 July 2025 08:14:07 +0000", "2025-07-01T08:14:07")]
        [InlineData("Sat, 31 Dec 2016 23:59:60 +0000", "2016-12-31T23:59:59")]
        [InlineData("Wed, 15 Jan 2025 22:00:11 +1100 (AEDT)", "2025-01-15T11:00:11")]
        [InlineData("Thu, 29 Apr 2015 23:34:45 A", "2015-04-29T23:34:45")]
        public void ReadsRfc5322AndObsoleteDatesAsUtc(string text, string expected)
        {
            Assert.True(MailDate.TryParse(text, 0, text.Length, out DateTime utc, out string? error), error);
            Assert.Equal(DateTimeKind.Utc, utc.Kind);
            Assert.Equal(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTime.SpecifyKind(utc, DateTimeKind.Unspecified));
        }

        [Theory]
        [InlineData("", "day")]
        [InlineData("Tue, 1 Jul 2025", "time")]
        [InlineData("31 Feb 2025 10:00:00 +0000", "day 31*month")]
        [InlineData("1 Jul 2025 24:00:00 +0000", "time*range")]
        [InlineData("1 Jul 2025 10:00:00 +0099", "zone '+0099'")]
        [InlineData("1 Jul 2025 10:00:00 +0000 +0100", "zone '+0100'")]
        [InlineData("1 Jul 2025 2025 10:00:00", "number*('2025')")]
        [InlineData("1 Jul 2025 10:0x:00 +0000", "'10:0x:00'*time")]
        [InlineData("1 Jul 20255 10:00:00 +0000", "'20255'*date")]
        public void RefusesDatesThatAreNotWithTheReason(string text, string reasonNames)
        {
            Assert.False(MailDate.TryParse(text, 0, text.Length, out _, out string? error));
            MessageAssert.NamesLike(reasonNames, error);
        }

        [Theory]
        // Postfix and sendmail: reverse DNS and [address] in the comment.
        [InlineData("from sheer.teacheip.com (sheer.teacheip.com [194.169.172.227]) (using TLSv1.2 with cipher ECDHE-RSA-AES256-GCM-SHA384 (256/256 bits)) (No client certificate requested) by lists.ozlabs.org (Postfix) with ESMTPS id 4YY31R6QB5z30NF for <linux-erofs@lists.ozlabs.org>; Wed, 15 Jan 2025 22:00:11 +1100 (AEDT)",
            "sheer.teacheip.com", "sheer.teacheip.com", "194.169.172.227", -1, "lists.ozlabs.org", "ESMTPS", "4YY31R6QB5z30NF", "linux-erofs@lists.ozlabs.org", "2025-01-15T11:00:11")]
        // Exchange: "from HELO (address)", "via".
        [InlineData("from SATLEXMB04.amd.com (165.204.84.17) by MWH0EPF000971E8.mail.protection.outlook.com (10.167.243.68) with Microsoft SMTP Server (version=TLS1_2, cipher=TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256) id 15.20.7452.22 via Frontend Transport; Mon, 1 Apr 2024 11:16:02 +0000",
            "SATLEXMB04.amd.com", null, "165.204.84.17", -1, "MWH0EPF000971E8.mail.protection.outlook.com", "Microsoft SMTP Server", "15.20.7452.22", null, "2024-04-01T11:16:02")]
        // IPv6 literal with the IPv6: tag.
        [InlineData("from boromir.ozlabs.org (localhost [IPv6:::1]) by lists.ozlabs.org (Postfix) with ESMTP id 4YY31W2VGKz3bfK; Wed, 15 Jan 2025 22:00:15 +1100",
            "boromir.ozlabs.org", "localhost", "::1", -1, "lists.ozlabs.org", "ESMTP", "4YY31W2VGKz3bfK", null, "2025-01-15T11:00:15")]
        [InlineData("from relay.example (relay.example [IPv6:2a01:111:f400:7e49::205]:2525) by mx.example; 1 Jul 2025 10:00:00 +0000",
            "relay.example", "relay.example", "2a01:111:f400:7e49::205", 2525, "mx.example", null, null, null, "2025-07-01T10:00:00")]
        // qmail: reverse DNS after from, HELO and the address in comments.
        [InlineData("from c.netpar.com.br (HELO apus.netpar.com.br) (189.125.104.100) by smtp.customers.net with SMTP; 22 Aug 2016 09:22:13 -0000",
            "apus.netpar.com.br", "c.netpar.com.br", "189.125.104.100", -1, "smtp.customers.net", "SMTP", null, null, "2016-08-22T09:22:13")]
        [InlineData("from 127.0.0.1  (EHLO a2-222.smtp-out.amazonses.com) (192.0.2.222) by relay2.mail.neko2.example.org with SMTP; Thu, 29 Apr 2017 23:34:45 +0000",
            "a2-222.smtp-out.amazonses.com", "127.0.0.1", "192.0.2.222", -1, "relay2.mail.neko2.example.org", "SMTP", null, null, "2017-04-29T23:34:45")]
        [InlineData("from unknown (HELO ljhw) (zyb@sgis.com.cn@[223.152.177.168]) (envelope-sender <zyb@sgis.com.cn>) by 0 (magicmail) with SMTP for <webmaster@khaleejtimes.com>; 26 Dec 2016 05:32:02 -0000",
            "ljhw", "unknown", "223.152.177.168", -1, "0", "SMTP", null, "webmaster@khaleejtimes.com", "2016-12-26T05:32:02")]
        // Exim: [address] and helo= in one comment.
        [InlineData("from mail-he1eur01on0133.outbound.protection.outlook.com ([104.47.0.133] helo=EUR01-HE1-obe.outbound.protection.outlook.com) by myassp01.mynet.it with SMTP (2.5.5); 15 Nov 2017 15:16:20 +0100",
            "EUR01-HE1-obe.outbound.protection.outlook.com", "mail-he1eur01on0133.outbound.protection.outlook.com", "104.47.0.133", -1, "myassp01.mynet.it", "SMTP", null, null, "2017-11-15T14:16:20")]
        // The address as the from name, and an address with a port in the comment.
        [InlineData("from [192.0.2.1] by mx.example with ESMTP; 1 Jul 2025 10:00:00 +0000", "[192.0.2.1]", null, "192.0.2.1", -1, "mx.example", "ESMTP", null, null, "2025-07-01T10:00:00")]
        [InlineData("from 223.152.177.168 by mail.sgis.com.cn (envelope-from <zyb@sgis.com.cn>, uid 0) with qmail-scanner-1.24; 26 Dec 2016 05:32:04 -0000",
            "223.152.177.168", null, "223.152.177.168", -1, "mail.sgis.com.cn", "qmail-scanner-1.24", null, null, "2016-12-26T05:32:04")]
        [InlineData("from host.example (192.0.2.9:51234) by mx.example; 1 Jul 2025 10:00:00 +0000", "host.example", null, "192.0.2.9", 51234, "mx.example", null, null, null, "2025-07-01T10:00:00")]
        [InlineData("from AM4PR01MB1444.eurprd01.prod.exchangelabs.com ([fe80::7830:c66f:eaa8:e3dd]) by AM4PR01MB1444.eurprd01.prod.exchangelabs.com ([fe80::7830:c66f:eaa8:e3dd%14]) with mapi id 15.20.0218.015; Wed, 15 Nov 2017 14:16:14 +0000",
            "AM4PR01MB1444.eurprd01.prod.exchangelabs.com", null, "fe80::7830:c66f:eaa8:e3dd", -1, "AM4PR01MB1444.eurprd01.prod.exchangelabs.com", "mapi", "15.20.0218.015", null, "2017-11-15T14:16:14")]
        // Only a by clause: a local submission.
        [InlineData("by rokujo.cr.nyaan.jp (Postfix) id 44kWJ43kJDz1yxHF; Wed, 17 Apr 2019 14:39:00 +0900 (JST)", null, null, null, -1, "rokujo.cr.nyaan.jp", null, "44kWJ43kJDz1yxHF", null, "2019-04-17T05:39:00")]
        public void ReadsEveryClauseAndTheTcpInfoForms(string value, string? helo, string? reverseDns, string? address, int port, string? by, string? with, string? id, string? forAddress, string time)
        {
            ReceivedFields fields = ReceivedParser.Parse(value);
            Assert.Null(fields.Problem);
            Assert.Equal(helo, fields.Helo ?? fields.From);
            Assert.Equal(reverseDns, fields.FromHost ?? (fields.Helo != null ? fields.From : null));
            Assert.Equal(address, fields.Address?.ToString());
            Assert.Equal(port, fields.Port);
            Assert.Equal(by, fields.By);
            Assert.Equal(with, fields.With);
            Assert.Equal(id, fields.Id);
            Assert.Equal(forAddress, fields.For);
            Assert.Equal(DateTime.Parse(time, System.Globalization.CultureInfo.InvariantCulture), DateTime.SpecifyKind(fields.Time!.Value, DateTimeKind.Unspecified));
        }

        [Theory]
        [InlineData("(qmail 32129 invoked from network); 22 Aug 2016 09:22:13 -0000", "no 'from' or 'by' clause")]
        [InlineData("from a.example (a.example [192.0.2.1]) by b.example", "no ';' before a date")]
        [InlineData("from a.example (a.example [192.0.2.1] by b.example; 1 Jul 2025 10:00:00 +0000", "a comment opened at character 16 is not closed")]
        [InlineData("from a.example (a.example [192.0.2.300]) by b.example; 1 Jul 2025 10:00:00 +0000", "the address literal '[192.0.2.300]' is not an address")]
        [InlineData("from a.example (a.example [010.0.2.1]) by b.example; 1 Jul 2025 10:00:00 +0000", "the address literal '[010.0.2.1]' is not an address")]
        [InlineData("from a.example ([192.0.2.1) by b.example; 1 Jul 2025 10:00:00 +0000", "the address literal '[192.0.2.1' is not closed")]
        [InlineData("from a.example by b.example; yesterday", "the date 'yesterday' cannot be read: the date lacks its day")]
        [InlineData("from a.example <b.example; 1 Jul 2025 10:00:00 +0000", "'<' at character 16 is not closed")]
        public void KeepsWhatCannotBeReadWithTheReason(string value, string problem)
        {
            Assert.Equal(problem, ReceivedParser.Parse(value).Problem);
        }

        [Fact]
        public void TakesNoShortOrHexFormAsAnAddress()
        {
            // Strict parsing: "(1.2.3)" and "(0x7f.1)" are words, not addresses; the hop has none rather than a guess.
            Assert.Null(ReceivedParser.Parse("from a.example (1.2.3) by b.example; 1 Jul 2025 10:00:00 +0000").Address);
            Assert.Null(ReceivedParser.Parse("from a.example (0x7f.1) by b.example; 1 Jul 2025 10:00:00 +0000").Address);
        }

        [Theory]
        [InlineData("\r\n")]
        [InlineData("\n")]
        [InlineData("\r")]
        public void ReadsTheSameFieldsWhateverTheLineEnding(string newline)
        {
            string text = string.Join(newline, "From sender@example.com Tue Jul  1 08:14:05 2025", "Received: from a.example (a.example [192.0.2.1])",
                "\tby b.example; 1 Jul 2025 10:00:00 +0000", "Subject: one", "  two", "", "Body: not a header");
            HeaderBlock block = HeaderBlock.Parse(text, "test");
            Assert.Equal(new[] { "Received", "Subject" }, block.Fields.Select(f => f.Name));
            Assert.Equal("from a.example (a.example [192.0.2.1])\tby b.example; 1 Jul 2025 10:00:00 +0000", block.Fields[0].Value);
            Assert.Equal("one  two", block.Fields[1].Value);
            Assert.Equal(new[] { 2, 4 }, block.Fields.Select(f => f.Line));
        }

        [Fact]
        public void SkipsOutlooksPreambleAndNotesALineThatIsNoField()
        {
            HeaderBlock block = HeaderBlock.Parse("Microsoft Mail Internet Headers Version 2.0\nSubject: x\nnot a field\nTo: y\n", "test");
            Assert.Equal(new[] { "Subject", "To" }, block.Fields.Select(f => f.Name));
            MessageAssert.Names(Assert.Single(block.Problems), "line 3 ", "'not a field'");
        }

        [Theory]
        [InlineData("%PDF-1.7\n", "line 1 ", "'%PDF-1.7'")]
        [InlineData(" continued: x\n", "line 1 ", "' continued: x'")]
        [InlineData("\nSubject: x\n", "first line", "empty")]
        [InlineData("a,b,c\n1,2,3\n", "line 1 ", "'a,b,c'")]
        public void RefusesTextThatIsNotHeaders(string text, params string[] values)
        {
            MessageAssert.Names(Assert.Throws<HeaderReadException>(() => HeaderBlock.Parse(text, "test.eml")), "MessageHeaderNotFound", values.Append("test.eml").ToArray());
        }

        [Fact]
        public void RefusesAHeaderBlockOverTheCap()
        {
            string text = "Subject: x\n" + string.Concat(Enumerable.Repeat("X-Filler: " + new string('a', 1000) + "\n", 1100));
            Assert.Equal("MessageHeaderTooLarge", Assert.Throws<HeaderReadException>(() => HeaderBlock.Parse(text, "test")).ErrorId);
        }

        [Theory]
        [InlineData("=?UTF-8?B?UmVtaXR0YW5jZSBhZHZpY2U=?=", "Remittance advice")]
        [InlineData("=?iso-8859-1?Q?Caf=E9_cr=E8me?= ok", "Café crème ok")]
        [InlineData("=?UTF-8?Q?a?= =?UTF-8?Q?b?=", "ab")]
        [InlineData("=?UTF-8?Q?a?= plain =?UTF-8?Q?b?=", "a plain b")]
        [InlineData("=?UTF-8*en?Q?Hi?=", "Hi")]
        [InlineData("=?x-unknown-charset?Q?a?=", "=?x-unknown-charset?Q?a?=")]
        [InlineData("=?UTF-8?B?!!!?=", "=?UTF-8?B?!!!?=")]
        [InlineData("=?UTF-8?Q?a=ZZ?=", "=?UTF-8?Q?a=ZZ?=")]
        [InlineData("=?UTF-8?Q?a b?=", "=?UTF-8?Q?a b?=")]
        [InlineData("=?UTF-8?Q?a?= =?", "a =?")]
        [InlineData("no words", "no words")]
        public void DecodesEncodedWords(string text, string decoded)
        {
            Assert.Equal(decoded, EncodedWords.Decode(text));
        }

        [Fact]
        public void ReadsTheAntispamReportWithAnIPv6Cip()
        {
            Assert.True(StampParser.TryGetFormat("x-forefront-antispam-report", out StampFormat format));
            var fields = StampParser.Fields(format, " CIP:2a01:111:f400:7e49::205;CTRY:DE;SFS:(13230031)(286005);DIR:INB;SFV:SPM;CTRY:FR;");
            Assert.Equal(new[] { "CIP=2a01:111:f400:7e49::205", "CTRY=DE", "SFS=(13230031)(286005)", "DIR=INB", "SFV=SPM" }, fields.Select(f => f.Key + "=" + f.Value));
        }

        [Fact]
        public void ReadsAuthenticationResultsWithCompauthAndItsReason()
        {
            Assert.True(StampParser.TryGetFormat("Authentication-Results", out StampFormat format));
            var fields = StampParser.Fields(format, "spf=none (sender IP is 185.132.181.12) smtp.helo=dispatchb-eu1.ppe-hosted.com; dkim=none (message not signed) header.d=none;dmarc=fail action=none header.from=hmail.jitbit.com;compauth=softpass reason=202");
            Assert.Equal(new[] { "spf=none", "smtp.helo=dispatchb-eu1.ppe-hosted.com", "dkim=none", "header.d=none", "dmarc=fail", "dmarc.action=none", "header.from=hmail.jitbit.com", "compauth=softpass", "compauth.reason=202" },
                fields.Select(f => f.Key + "=" + f.Value));
        }

        [Fact]
        public void ReadsArcAndLeavesOtherHeadersOut()
        {
            Assert.True(StampParser.TryGetFormat("ARC-Seal", out StampFormat seal));
            Assert.Equal(new[] { "i=1", "a=rsa-sha256", "s=arcselector9901", "d=microsoft.com", "cv=none", "b=C0t+" }, StampParser.Fields(seal, "i=1; a=rsa-sha256; s=arcselector9901; d=microsoft.com; cv=none;\r\n b=C0t+").Select(f => f.Key + "=" + f.Value));
            Assert.True(StampParser.TryGetFormat("ARC-Authentication-Results", out StampFormat results));
            Assert.Equal(new[] { "i=1", "spf=pass", "smtp.mailfrom=amd.com" }, StampParser.Fields(results, "i=1; mx.microsoft.com 1; spf=pass (sender ip is 165.204.84.17) smtp.mailfrom=amd.com").Select(f => f.Key + "=" + f.Value));
            Assert.True(StampParser.TryGetFormat("X-Forefront-Antispam-Report-Untrusted", out _));
            Assert.False(StampParser.TryGetFormat("X-Microsoft-Antispam", out _));
            Assert.False(StampParser.TryGetFormat("Received-SPF", out _));
        }
    }
}
