namespace StartupHub.Forms;
