# The 30 functions of the typical client that scripts/build-times.sh and scripts/client-costs.sh generate
# (sourced by both).
# Log in, read chats and history, send, edit and delete messages, follow updates, files, Seamless Login.
CLIENT_ROOTS=initConnection,invokeWithLayer,help.getConfig,auth.sendCode,auth.signIn,auth.checkPassword
CLIENT_ROOTS+=,account.getPassword,auth.exportAuthorization,auth.importAuthorization,auth.logOut
CLIENT_ROOTS+=,users.getUsers,users.getFullUser,contacts.resolveUsername,contacts.getContacts
CLIENT_ROOTS+=,messages.getDialogs,messages.getHistory,messages.getMessages,messages.sendMessage
CLIENT_ROOTS+=,messages.editMessage,messages.deleteMessages,messages.readHistory,messages.setTyping
CLIENT_ROOTS+=,messages.getBotCallbackAnswer,messages.requestUrlAuth,messages.acceptUrlAuth
CLIENT_ROOTS+=,updates.getState,updates.getDifference,channels.getMessages,upload.getFile,upload.saveFilePart
