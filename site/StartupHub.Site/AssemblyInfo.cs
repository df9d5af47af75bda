namespace StartupHub.Site;
