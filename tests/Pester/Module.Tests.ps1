BeforeAll {
    . $PSScriptRoot/Common.ps1
    $script:Manifest = Test-ModuleManifest -Path (Join-Path $ModulePath 'EopTools.psd1') -ErrorAction Stop
}

Describe 'EopTools module' {
    Context 'Manifest' {
        It 'is a valid binary module manifest for Desktop and Core' {
            (Get-Module EopTools).ModuleType | Should -Be 'Binary'
            $Manifest.RootModule | Should -Be 'EopTools.dll'
            $Manifest.CompatiblePSEditions | Sort-Object | Should -Be @('Core', 'Desktop')
            $Manifest.PowerShellVersion | Should -Be ([version]'5.1')
        }

        It 'exports exactly the cmdlets the manifest lists' {
            $listed = (Import-PowerShellDataFile (Join-Path $ModulePath 'EopTools.psd1')).CmdletsToExport | Sort-Object
            $exported = (Get-Command -Module EopTools -CommandType Cmdlet).Name | Sort-Object
            $exported | Should -Be $listed
            $exported | Should -Be @('Get-EopIpRange', 'Test-EopIpAddress', 'Update-EopIpRange')
        }

        It 'ships exactly the allow-listed files' {
            (Get-ChildItem $ModulePath -File).Name | Sort-Object |
                Should -Be @('EopTools.dll', 'EopTools.Format.ps1xml', 'EopTools.psd1', 'System.Net.IPNetwork.dll')
        }

        It 'carries the version of the source manifest in the DLL' {
            $dll = [System.Reflection.AssemblyName]::GetAssemblyName((Join-Path $ModulePath 'EopTools.dll'))
            $dll.Version.ToString(3) | Should -Be $Manifest.Version.ToString(3)
        }
    }

    Context 'Windows PowerShell 5.1 compatibility' {
        It 'ships <_> built for netstandard2.0' -ForEach @('EopTools.dll', 'System.Net.IPNetwork.dll') {
            $assembly = [System.Reflection.Assembly]::LoadFrom((Join-Path $ModulePath $_))
            $framework = $assembly.GetCustomAttributesData() |
                Where-Object { $_.AttributeType.FullName -eq 'System.Runtime.Versioning.TargetFrameworkAttribute' }
            $framework.ConstructorArguments[0].Value | Should -Be '.NETStandard,Version=v2.0'
        }

        It 'references nothing that .NET Framework lacks' {
            $assembly = [System.Reflection.Assembly]::LoadFrom((Join-Path $ModulePath 'EopTools.dll'))
            $assembly.GetReferencedAssemblies().Name | Sort-Object |
                Should -Be @('netstandard', 'System.Management.Automation', 'System.Net.IPNetwork')
        }
    }

    Context 'Formatting' {
        It 'has a table view for <_>' -ForEach @('EopTools.EopIpRange', 'EopTools.EopIpTestResult') {
            $view = Get-FormatData -TypeName $_
            $view.FormatViewDefinition[0].Control.GetType().Name | Should -Be 'TableControl'
        }
    }
}
