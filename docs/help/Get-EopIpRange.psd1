@{
    Synopsis    = 'Gets the Exchange Online Protection (EOP) IP ranges as objects whose text is the CIDR prefix.'
    Description = @(
        'Get-EopIpRange writes one EopTools.EopIpRange object per published prefix: the global list by default, or one of the regional tables (Americas, EMEA, APAC) that the 2018 page published. It reads the session''s ranges (the cache that Update-EopIpRange keeps, else the embedded 2018 page), or the files given with -Path or -LiteralPath.'
        'Each object''s ToString() is its canonical CIDR prefix, so the output can be passed directly to any parameter that takes address strings, such as the RemoteAddress parameter of New-NetFirewallRule and Set-NetFirewallRule or the RemoteIPRanges parameter of Set-ReceiveConnector.'
        'With -Aggregate, overlapping and adjacent prefixes are merged into the fewest CIDR prefixes that cover exactly the same addresses.'
    )
    Parameters  = @{
        Region        = 'The table to list: Global (the default), Americas, EMEA or APAC. Only the EOP page of 2018 (before October) published the regional tables; for data without the table, the cmdlet fails with the error RegionNotInDataSet.'
        AddressFamily = 'Lists only ranges of these address families: IPv4, IPv6 or both (the default).'
        Path          = 'Reads the ranges from these files instead of the session''s data, each file on its own: its ranges are written in turn, each with its own DataSet (and -Aggregate merges within each file). Wildcards are expanded as Get-Content does. The format is detected from the content: the web service''s /endpoints JSON, O365IPAddresses.xml, the EOP docs page (any version), or plain text with one prefix or address per line. A malformed entry is skipped with a warning naming the file, the line and the text. A path that names no file, or a file that cannot be read or holds no range table, is a non-terminating error (RangeFileNotFound, RangeFileUnreadable, NoRangeTable) and the other files are still read; a region a file has no table for (RegionNotInDataSet) ends the command. Also refused, each as such an error: before reading, a file over 16 MB (RangeFileTooLarge), an empty file or what is not a regular file, such as a device or a pipe (RangeFileEmpty), and a folder (RangePathIsFolder); after reading, XML nested more than 32 deep (InvalidXml) and a page with regional tables but no global list (NoGlobalRangeList), since the global list is what this cmdlet answers by default.'
        LiteralPath   = 'As -Path, but taken exactly as typed: wildcard characters such as [ and ] are part of the name. Files piped from Get-ChildItem or Get-Item bind here through their PSPath property.'
        Aggregate     = 'Merges overlapping and adjacent prefixes into the minimal set of CIDR prefixes, per address family.'
    }
    Inputs      = @(@{ Type = 'System.IO.FileInfo'; Description = 'Files from Get-ChildItem or Get-Item (bound to -LiteralPath through PSPath), or objects with a Path property. Piped input that binds to nothing is an error for each object, and then nothing is written: the session''s ranges are not a fallback.' })
    Outputs     = @(@{ Type = 'EopTools.EopIpRange'; Description = 'One object per prefix: Prefix, AddressFamily, PrefixLength, FirstAddress, LastAddress, AddressCount, Region, DataSet and, for web service data, EndpointSet. ToIPNetwork() returns an IPNetwork2 for subnetting. The default view has a Region column only for data with regional tables (the 2018 page); the web service''s ranges are all Global.' })
    Notes       = @(
        'The embedded 2018 page says its ranges are only used for relay through customer connectors, and they are out of date. Run Update-EopIpRange once before you configure a firewall or connector; until then each session warns once that its answers come from the 2018 page.'
        'Windows Firewall rules are reported to hold about 1000 addresses; Exchange Online connection filters accept only /24 to /32 IPv4 ranges. The EOP prefixes fit a receive connector as they are.'
    )
    Examples    = @(
        @{
            Title   = 'Create a Windows Firewall rule for SMTP from EOP'
            Code    = @'
New-NetFirewallRule -Name EOP-SMTP-In -DisplayName 'SMTP from Exchange Online Protection' -Direction Inbound -Protocol TCP -LocalPort 25 -Action Allow -RemoteAddress (Get-EopIpRange)
'@
            Remarks = 'The ranges bind to -RemoteAddress as CIDR strings, IPv4 and IPv6 together.'
        }
        @{
            Title   = 'Refresh the addresses of an existing firewall rule'
            Code    = @'
Get-NetFirewallRule -Name EOP-SMTP-In | Set-NetFirewallRule -RemoteAddress (Get-EopIpRange)
'@
            Remarks = 'Set-NetFirewallRule replaces the rule''s whole address list, so running this after every update keeps the rule exact.'
        }
        @{
            Title   = 'Allow EOP on an on-premises receive connector'
            Code    = @'
Set-ReceiveConnector -Identity 'EX01\From Exchange Online' -RemoteIPRanges (Get-EopIpRange).Prefix
'@
            Remarks = 'RemoteIPRanges takes any prefix length and IPv6, so the EOP prefixes go in as they are. Exchange''s cmdlets run remotely and serialize their arguments, so they get plain CIDR strings (the Prefix property), not the objects.'
        }
        @{
            Title   = 'List the IPv6 ranges of the web service''s list saved to a file'
            Code    = @'
Get-EopIpRange -Path .\microsoft365-worldwide.json -AddressFamily IPv6
'@
            Remarks = 'On the web service''s answer of August 2022: 2a01:111:f400::/48 and 2a01:111:f403::/48, in the view without a Region column that data without regional tables gets; LastAddress is cut at 80 columns (Format-List shows it whole). The web service has no regional tables: -Region Americas, EMEA or APAC works only on the 2018 page and fails with RegionNotInDataSet after Update-EopIpRange.'
            Output  = @'
   AddressFamily: IPv6

Prefix             AddressFamily FirstAddress    LastAddress
------             ------------- ------------    -----------
2a01:111:f400::/48 IPv6          2a01:111:f400:: 2a01:111:f400:ffff:ffff:ffff:f…
2a01:111:f403::/48 IPv6          2a01:111:f403:: 2a01:111:f403:ffff:ffff:ffff:f…
'@
        }
    )
    Links       = @('about_EopTools', 'Test-EopIpAddress', 'Update-EopIpRange', 'Export-EopRangeDiff')
}
