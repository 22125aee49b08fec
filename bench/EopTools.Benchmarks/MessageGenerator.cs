using System;
using System.Globalization;
using System.IO;
using System.Text;

/// <summary>
/// The message benchmark's .eml files: realistic Exchange Online header blocks of 6 to 12 hops (through EOP, a gateway
/// in front of EOP, Direct Send, on-premises first), with the stamps and the long signature and diagnostic headers real
/// ones carry (8-14 KB), and bodies of 10 KB to 5 MB, log-uniform. A body is 10 KB of text; the rest of its length is
/// left sparse (the file's length is set, nothing written), so that 20,000 files fit a developer's disk: a reader that
/// read bodies would still read every byte.
/// </summary>
internal static class MessageGenerator
{
    private const int TextBodyBytes = 10 * 1024;
    private const long MinBody = 10 * 1024, MaxBody = 5L * 1024 * 1024;

    public static void Write(string folder, int count, int seed)
    {
        Directory.CreateDirectory(folder);
        var random = new Random(seed);
        var body = new StringBuilder();
        while (body.Length < TextBodyBytes) body.Append("Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor.\r\n");
        byte[] text = Encoding.ASCII.GetBytes(body.ToString(0, TextBodyBytes));
        for (int i = 0; i < count; i++)
        {
            long bodyLength = (long)Math.Exp(Math.Log(MinBody) + random.NextDouble() * (Math.Log(MaxBody) - Math.Log(MinBody)));
            byte[] headers = Encoding.ASCII.GetBytes(Headers(random, i));
            using (var file = new FileStream(Path.Combine(folder, "message-" + i.ToString("D5", CultureInfo.InvariantCulture) + ".eml"), FileMode.Create, FileAccess.Write))
            {
                file.Write(headers, 0, headers.Length);
                file.Write(text, 0, text.Length);
                file.SetLength(headers.Length + bodyLength);
            }
        }
    }

    private static string Headers(Random random, int n)
    {
        var h = new StringBuilder(16 * 1024);
        DateTime time = new DateTime(2025, 7, 1, 8, 0, 0, DateTimeKind.Utc).AddSeconds(random.Next(0, 86400 * 90));
        int route = random.Next(4); // 0 Internet through EOP, 1 gateway in front, 2 Direct Send, 3 on-premises first
        int internalHops = random.Next(3, 7);
        int senderHops = route == 2 ? random.Next(2, 5) : random.Next(2, 6);
        string entry = Ipv4(random);
        string tenant = "contoso" + random.Next(100);
        // The newest hop first: Microsoft's internal hops, the front end, then the sender's side.
        DateTime at = time.AddSeconds(10);
        for (int i = 0; i < internalHops; i++)
        {
            string by = Host(random, "namprd" + random.Next(10, 20).ToString(CultureInfo.InvariantCulture) + ".prod.outlook.com");
            string sender = Host(random, "namprd" + random.Next(10, 20).ToString(CultureInfo.InvariantCulture) + ".prod.outlook.com");
            h.Append("Received: from ").Append(sender).Append(" (").Append(Ipv6(random)).Append(")\r\n by ").Append(by)
             .Append(" (").Append(Ipv6(random)).Append(") with Microsoft SMTP Server (version=TLS1_2,\r\n cipher=TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384) id 15.20.")
             .Append(random.Next(8000, 9000)).Append('.').Append(random.Next(10, 40)).Append("; ").Append(Date(at)).Append("\r\n");
            at = at.AddSeconds(-random.Next(0, 2));
        }
        h.Append("Authentication-Results: spf=").Append(random.Next(2) == 0 ? "pass" : "fail").Append(" (sender IP is ").Append(entry)
         .Append(")\r\n smtp.mailfrom=fabrikam.com; dkim=pass (signature was verified)\r\n header.d=fabrikam.com;dmarc=pass action=none\r\n header.from=fabrikam.com;compauth=pass reason=100\r\n");
        h.Append("Received: from mx").Append(random.Next(9)).Append(".sender.example (").Append(entry).Append(") by\r\n ")
         .Append(Host(random, "mail.protection.outlook.com")).Append(" (10.167.").Append(random.Next(256)).Append('.').Append(random.Next(256))
         .Append(") with Microsoft\r\n SMTP Server (version=TLS1_3, cipher=TLS_AES_256_GCM_SHA384) id 15.20.8901.21\r\n via Frontend Transport; ")
         .Append(Date(at)).Append("\r\n");
        for (int i = 0; i < senderHops; i++)
        {
            at = at.AddSeconds(-random.Next(0, 3));
            bool fromInternet = route == 1 && i == 0;
            h.Append("Received: from relay").Append(i).Append(".fabrikam.com (relay").Append(i).Append(".fabrikam.com [")
             .Append(fromInternet ? Ipv4(random) : "10." + random.Next(256) + "." + random.Next(256) + "." + random.Next(1, 255))
             .Append("])\r\n\tby ").Append(route == 1 && i == 0 ? "mx1.gateway.example (Gateway ESMTP Server)" : "relay" + (i + 1) + ".fabrikam.com (Postfix)")
             .Append(" with ESMTPS id ").Append(random.Next().ToString("X", CultureInfo.InvariantCulture)).Append("\r\n\tfor <user")
             .Append(n).Append('@').Append(tenant).Append(".com>; ").Append(Date(at)).Append("\r\n");
        }
        h.Append("ARC-Seal: i=1; a=rsa-sha256; s=arcselector10001; d=microsoft.com; cv=none;\r\n b=").Append(Base64(random, 340)).Append("\r\n");
        h.Append("ARC-Message-Signature: i=1; a=rsa-sha256; c=relaxed/relaxed; d=microsoft.com;\r\n s=arcselector10001; h=From:Date:Subject:Message-ID:Content-Type:MIME-Version;\r\n bh=")
         .Append(Base64(random, 44)).Append(";\r\n b=").Append(Base64(random, 340)).Append("\r\n");
        h.Append("DKIM-Signature: v=1; a=rsa-sha256; c=relaxed/relaxed; d=fabrikam.com; s=selector1;\r\n h=From:Date:Subject:Message-ID:Content-Type:MIME-Version;\r\n bh=")
         .Append(Base64(random, 44)).Append(";\r\n b=").Append(Base64(random, 172)).Append("\r\n");
        string from = route == 2 ? "ap@" + tenant + ".com" : "news@fabrikam.com";
        h.Append("From: \"Sender ").Append(n).Append("\" <").Append(from).Append(">\r\nTo: <user").Append(n).Append('@').Append(tenant).Append(".com>\r\n");
        h.Append("Subject: =?UTF-8?B?").Append(Convert.ToBase64String(Encoding.UTF8.GetBytes("Message " + n + " – order update"))).Append("?=\r\n");
        h.Append("Date: ").Append(Date(time)).Append("\r\nMessage-ID: <").Append(Guid.NewGuid().ToString("N")).Append("@fabrikam.com>\r\n");
        h.Append("Content-Type: text/plain; charset=\"us-ascii\"\r\nMIME-Version: 1.0\r\n");
        h.Append("X-MS-Exchange-Organization-Network-Message-Id: ").Append(Guid.NewGuid()).Append("\r\n");
        h.Append("X-MS-Exchange-Organization-MessageDirectionality: Incoming\r\n");
        h.Append("X-MS-Exchange-Organization-AuthSource: ").Append(Host(random, "namprd04.prod.outlook.com")).Append("\r\n");
        h.Append("X-MS-Exchange-Organization-AuthAs: Anonymous\r\n");
        h.Append("X-Forefront-Antispam-Report:\r\n CIP:").Append(entry).Append(";CTRY:US;LANG:en;SCL:1;SRV:;IPV:NLI;SFV:NSPM;H:mx.sender.example;PTR:mx.sender.example;CAT:NONE;SFS:(13230040)(376014)(69100299015);DIR:INB;\r\n");
        h.Append("X-Microsoft-Antispam: BCL:0;ARA:13230040|376014|69100299015;\r\n");
        h.Append("X-Microsoft-Antispam-Message-Info:\r\n");
        for (int i = 0; i < 40; i++) h.Append(" =?us-ascii?Q?").Append(Base64(random, 60)).Append("?=\r\n");
        h.Append("X-MS-Exchange-CrossTenant-OriginalArrivalTime: ").Append(time.ToString("dd MMM yyyy HH:mm:ss.ffff", CultureInfo.InvariantCulture)).Append(" (UTC)\r\n");
        h.Append("X-MS-Exchange-CrossTenant-Id: ").Append(Guid.NewGuid()).Append("\r\n");
        h.Append("X-MS-Exchange-CrossTenant-AuthAs: Anonymous\r\n");
        h.Append("X-MS-Exchange-CrossTenant-FromEntityHeader: ").Append(route == 3 ? "HybridOnPrem" : "Internet").Append("\r\n\r\n");
        return h.ToString();
    }

    private static string Host(Random random, string suffix) =>
        "BN" + random.Next(1, 9) + "PR" + random.Next(10, 99) + "MB" + random.Next(1000, 9999).ToString(CultureInfo.InvariantCulture) + "." + suffix;

    private static string Ipv4(Random random) =>
        random.Next(11, 200) + "." + random.Next(256) + "." + random.Next(256) + "." + random.Next(1, 255);

    private static string Ipv6(Random random) =>
        "2603:10b6:" + random.Next(0x100, 0xfff).ToString("x", CultureInfo.InvariantCulture) + ":" + random.Next(1, 0xfff).ToString("x", CultureInfo.InvariantCulture) + "::" + random.Next(1, 0xff).ToString("x", CultureInfo.InvariantCulture);

    private static string Date(DateTime time) => time.ToString("ddd, d MMM yyyy HH:mm:ss +0000", CultureInfo.InvariantCulture);

    private static string Base64(Random random, int length)
    {
        var bytes = new byte[length * 3 / 4 + 3];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes).Substring(0, length);
    }
}
