// `dotnet run --project src/Sitrep.Server -- --Sitrep:Database=sitrep.db --urls=http://127.0.0.1:8080`;
// `sitrep serve` starts the same server with its own options.
Sitrep.Server.SitrepServer.Create(args).Run();
