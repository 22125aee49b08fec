@{
    Synopsis    = 'Gets the Microsoft 365 endpoint sets (IPs, URLs, ports, category) of the web service''s answer, filtered by service area, category, id, port or address.'
    Description = @(
        'Get-EopEndpointSet writes one EopTools.EopEndpointSet object per endpoint set of the Microsoft 365 IP Address and URL web service''s /endpoints answer that Update-EopIpRange fetched or imported (the cache keeps the answer as received), or of the files given with -Path or -LiteralPath. The EOP ranges are one of these sets (Exchange, TCP 25); the others are what Exchange Online, SharePoint, Teams and the common services use.'
        'Each set has its Id (immutable within an instance, but different between instances), ServiceArea and ServiceAreaDisplayName, Category (Optimize, Allow or Default), Required and ExpressRoute, the ports as the service writes them (TcpPorts, UdpPorts) and parsed into ports and ranges (TcpPortRanges, UdpPortRanges), its Urls as published (wildcards such as *.outlook.com kept) and its Ips as EopIpRange objects, so .Ips binds wherever Get-EopIpRange''s output does, and Notes.'
        'The filters combine: each one given keeps the sets that match any of its values, and a set must match every filter given. The sets are written in the order the web service published them.'
        'Only the web service''s answer has endpoint sets. For other data (the embedded 2018 page, a plain list, the retired O365IPAddresses.xml) the cmdlet writes the error NoEndpointSets, not an empty list.'
    )
    Parameters  = @{
        ServiceArea   = 'Lists only the sets of these service areas: Common, Exchange, SharePoint or Skype (and MEM, which the service returns only when asked for). Wildcards are allowed; case is ignored.'
        Category      = 'Lists only the sets of these categories: Optimize (the latency-sensitive traffic to route directly, such as past a VPN), Allow, or Default (sets that publish URLs only).'
        Id            = 'Lists only the sets with these ids. Ids are immutable within an instance, but the same service has other ids in another instance (EOP is 10 in Worldwide, 6 in the US Government clouds, 2 in China).'
        Port          = 'Lists only the sets that list any of these ports, over TCP or UDP, alone or within a range such as 3478-3481.'
        IPAddress     = 'Lists only the sets whose IPs hold any of these addresses, written as Test-EopIpAddress takes them. A value that is not an address is the error InvalidIPAddress, and then nothing is listed: a filter that lost a value would list sets not asked for.'
        AddressFamily = 'Lists only the sets that publish IPs of these families, IPv4 or IPv6, and in each only the IPs of those families. Sets of URLs only are left out.'
        Path          = 'Reads the sets from these files instead of the session''s data, each file on its own. Wildcards are expanded as Get-Content does. A file that is not a web service /endpoints answer is the non-terminating error NoEndpointSets (or the reader''s error, as for Get-EopIpRange -Path), and the other files are still read. A set the service wrote wrongly (ports that are not ports, a flag that is not true or false, a repeated id) is skipped with a warning naming the file, the line and the set.'
        LiteralPath   = 'As -Path, but taken exactly as typed: wildcard characters such as [ and ] are part of the name. Files piped from Get-ChildItem or Get-Item bind here through their PSPath property.'
    }
    Inputs      = @(@{ Type = 'System.IO.FileInfo'; Description = 'Files from Get-ChildItem or Get-Item (bound to -LiteralPath through PSPath). Piped input that binds to nothing is an error for each object, and then nothing is written: the session''s sets are not a fallback.' })
    Outputs     = @(@{ Type = 'EopTools.EopEndpointSet'; Description = 'One object per set: Id, ServiceArea, ServiceAreaDisplayName, Category, Required, ExpressRoute, TcpPorts, TcpPortRanges, UdpPorts, UdpPortRanges, Ports (both lists in short), Urls, Ips, Notes and DataSet. The default view shows the counts of IPs and URLs in 80 columns; Select-Object -ExpandProperty Ips (or Urls) gives the lists.' })
    Notes       = @(
        'Run Update-EopIpRange first (or Update-EopIpRange -Path with a saved /endpoints JSON file on a server without internet access); the examples read a saved answer with -Path, which is not needed once the session has it.'
        'Microsoft''s guidance: route the Optimize sets directly (past a VPN or proxy), allow the Allow sets, and let Default sets go through a proxy by URL. Not every Microsoft 365 endpoint is in the service: inbound traffic of a hybrid deployment and other endpoints are listed on Microsoft''s page "Other endpoints not included in the Office 365 IP Address and URL Web service".'
    )
    Examples    = @(
        @{
            Title   = 'The Optimize sets for a split-tunnel VPN'
            Code    = @'
$optimize = Get-EopEndpointSet -Category Optimize -Path .\microsoft365-worldwide.json
$optimize
$optimize.Ips.Prefix | Set-Content .\vpn-exclusions.txt
'@
            Remarks = 'Microsoft asks for the Optimize sets to be routed directly, outside a VPN tunnel: in the 2022 answer they are sets 1 (Exchange Online), 11 (Teams media, over UDP) and 31 (SharePoint Online). The file gets their 41 prefixes (19 IPv4, 22 IPv6), set by set, one per line, for the VPN profile''s exclusion routes; each is an EopIpRange, so $optimize.Ips also binds to a routing cmdlet''s address parameter as its CIDR. Add -AddressFamily IPv4 for a tunnel without IPv6.'
            Output  = @'
  Id Category ServiceArea Required Ports                    Ips Urls
  -- -------- ----------- -------- -----                    --- ----
   1 Optimize Exchange    True     TCP 80,443                28    2
  11 Optimize Skype       True     UDP 3478,3479,3480,3481    4    0
  31 Optimize SharePoint  True     TCP 80,443                 9    1
'@
        }
        @{
            Title   = 'The Exchange Online IPs on TCP 443 for a hybrid server''s firewall'
            Code    = @'
$exchange = Get-EopEndpointSet -ServiceArea Exchange -Port 443 -Path .\microsoft365-worldwide.json
$exchange
New-NetFirewallRule -Name EXO-Hybrid-In -DisplayName 'HTTPS from Exchange Online' -Direction Inbound -Protocol TCP -LocalPort 443 -Action Allow -RemoteAddress $exchange.Ips
'@
            Remarks = 'Five Exchange sets list TCP 443 in the 2022 answer; sets 3, 8 and 154 (Default) publish URLs only, so the rule gets the 34 prefixes of sets 1 and 9 (52.96.0.0/14 and 52.238.78.88/32 among them), which bind to -RemoteAddress as CIDR strings. Add -AddressFamily IPv4 for a device without IPv6. Check the inbound hybrid traffic against Microsoft''s page "Other endpoints not included in the Office 365 IP Address and URL Web service" too: the web service does not list it all.'
            Output  = @'
  Id Category ServiceArea Required Ports                    Ips Urls
  -- -------- ----------- -------- -----                    --- ----
   1 Optimize Exchange    True     TCP 80,443                28    2
   3 Default  Exchange    True     TCP 80,443                 0    3
   8 Default  Exchange    True     TCP 80,443                 0    2
   9 Allow    Exchange    True     TCP 443                    6    1
 154 Default  Exchange    True     TCP 80,443                 0    1
'@
        }
        @{
            Title   = 'The URL list for a proxy'
            Code    = @'
Get-EopEndpointSet -ServiceArea Exchange -Category Optimize, Allow -Path .\microsoft365-worldwide.json |
    Select-Object -ExpandProperty Urls | Sort-Object -Unique
'@
            Remarks = 'The URLs of Exchange Online''s Optimize and Allow sets, wildcards as published, for a proxy bypass list or a PAC file. Without -ServiceArea the list has the 49 URLs of every Optimize and Allow set of the 2022 answer; the Default sets (Microsoft: let them go through the proxy) add the rest.'
            Output  = @'
*.mail.protection.outlook.com
*.outlook.office.com
*.protection.outlook.com
outlook.office.com
outlook.office365.com
smtp.office365.com
'@
        }
        @{
            Title   = 'Which sets hold an address'
            Code    = @'
Get-EopEndpointSet -IPAddress 52.96.10.10 -Path .\microsoft365-worldwide.json
'@
            Remarks = 'Sets 1, 2, 5 and 6, all Exchange Online: the address is not EOP but Exchange Online''s own, for web and mail clients. Test-EopIpAddress gives the same sets, with the prefix that matched, in its results'' EndpointSets.'
            Output  = @'
  Id Category ServiceArea Required Ports                    Ips Urls
  -- -------- ----------- -------- -----                    --- ----
   1 Optimize Exchange    True     TCP 80,443                28    2
   2 Allow    Exchange    True     TCP 587                   28    1
   5 Allow    Exchange    False    TCP 143,993               28    2
   6 Allow    Exchange    False    TCP 995                   28    2
'@
        }
    )
    Links       = @('about_EopTools', 'Test-EopIpAddress', 'Update-EopIpRange', 'Get-EopIpRange')
}
